# Roland: the production image. Same lock file and commands as `make`; configuration by environment
# (see README, "Configuration"). Build: docker build -t roland .
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    ROLAND_VAR_DIR=/app/var \
    PORT=8000

# libpq comes with psycopg[binary]; curl is only for the health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 1000 roland

WORKDIR /app
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

COPY --chown=roland:roland . .
# collectstatic needs settings but no services: placeholder values only for this build step.
RUN SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost DATABASE_URL=sqlite:////tmp/build.sqlite3 \
    python manage.py collectstatic --no-input -v 0 \
 && mkdir -p /app/var/media \
 && chown -R roland:roland /app/var

USER roland
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/healthz" || exit 1

# Migrations run as a separate release step: docker run … python manage.py migrate
# The background worker (webhooks, scheduled go-live and expiry, the daily occurrence horizon) is a
# second container from this image with the same environment, no port and no HTTP health check; it
# stops cleanly on `docker stop` (SIGTERM): docker run --no-healthcheck … python manage.py worker
# A worker streaming a bulk export of the whole site is busy for tens of seconds (40,000 events: 43 s in
# bench/results/2026-12-03-exports.md): WEB_TIMEOUT leaves it the time; gunicorn's 30 s cut such an
# answer off mid-stream. One access line per request comes from Roland itself (cms.observability);
# the config file sums /metrics over the workers (cms/gunicorn_conf.py).
CMD ["sh", "-c", "exec gunicorn cms.wsgi:application -c python:cms.gunicorn_conf --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY:-2} --timeout ${WEB_TIMEOUT:-300}"]
