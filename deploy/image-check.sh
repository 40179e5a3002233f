#!/usr/bin/env bash
# `make image-check`: the production image, built and run on this machine.
#
# Builds the stand-in base when missing (deploy/stand-in-base.sh; production builds FROM the
# official python image), builds the project image, then runs it through deploy/compose.yaml with
# the host-network override against this machine's PostgreSQL (a throwaway database) and Redis (a
# database number of its own): migrate, load_demo, a web and a worker container. Then it checks
# what a provider would: /readyz, the admin login page and its static files, an API list, an
# uploaded image served as a rendition, a webhook delivered by the worker container to a receiver
# on 127.0.0.1, the containers running as non-root, the image's HEALTHCHECK passing.
# Exits non-zero when a check fails; containers, volumes, the database and the Redis keys go.
#
# Settings (environment): IMAGE_CHECK_TAG (roland:check), IMAGE_CHECK_PG_HOST/PORT/USER
# (127.0.0.1/5432/postgres), IMAGE_CHECK_REDIS_DB (13), IMAGE_CHECK_KEEP=1 keeps everything.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

TAG=${IMAGE_CHECK_TAG:-roland:check}
PG_HOST=${IMAGE_CHECK_PG_HOST:-127.0.0.1}
PG_PORT=${IMAGE_CHECK_PG_PORT:-5432}
PG_USER=${IMAGE_CHECK_PG_USER:-postgres}
REDIS_DB=${IMAGE_CHECK_REDIS_DB:-13}
DB_NAME="roland_image_check_$$"
PROJECT="roland-image-check-$$"
WORK=$(mktemp -d /tmp/roland-image-check.XXXXXX)
started=$(date +%s)
FAILED=()
PASSED=0

step() { printf '\n== %s (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }
ok() { PASSED=$((PASSED + 1)); printf '  ok    %s\n' "$*"; }
fail() { FAILED+=("$1"); printf '  FAIL  %s\n' "$1"; [ $# -lt 2 ] || printf '        %s\n' "${@:2}"; }
die() { printf '\nimage-check: %s\n' "$*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
redis_flush() {
  python3 - "$REDIS_DB" <<'PY' || true
import socket, sys
s = socket.create_connection(("127.0.0.1", 6379), 2)
s.sendall(f"SELECT {sys.argv[1]}\r\nFLUSHDB\r\n".encode())
s.recv(64)
PY
}

if docker compose version >/dev/null 2>&1; then COMPOSE_BIN=(docker compose); else COMPOSE_BIN=(docker-compose); fi
compose() {
  ROLAND_IMAGE="$TAG" ROLAND_ENV_FILE="$WORK/env" "${COMPOSE_BIN[@]}" --env-file "$WORK/env" -p "$PROJECT" \
    -f deploy/compose.yaml -f deploy/compose.host-network.yaml "$@"
}
in_image() { compose run --rm --no-deps -T migrate "$@"; }

cleanup() {
  local rc=$?
  if [ "${IMAGE_CHECK_KEEP:-0}" = 1 ]; then
    echo "kept: compose project $PROJECT (env $WORK/env), database $DB_NAME, Redis db $REDIS_DB"
    exit $rc
  fi
  step "clean-up"
  if [ $rc != 0 ] || [ ${#FAILED[@]} != 0 ]; then
    echo "--- web and worker logs (last 40 lines each) ---"
    for id in ${WEB_ID:-} ${WORKER_ID:-}; do docker logs --tail 40 "$id" 2>&1 || true; done
  fi
  [ -z "${RECEIVER_PID:-}" ] || kill "$RECEIVER_PID" 2>/dev/null || true
  for id in ${WEB_ID:-} ${WORKER_ID:-}; do docker stop -t 20 "$id" >/dev/null 2>&1 || true; docker rm -f "$id" >/dev/null 2>&1 || true; done
  [ -f "$WORK/env" ] && compose down -v --remove-orphans -t 20 >/dev/null 2>&1 || true
  dropdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" --if-exists "$DB_NAME" 2>/dev/null || true
  redis_flush
  rm -rf "$WORK"
  echo "removed containers, volumes, database $DB_NAME, Redis db $REDIS_DB"
  exit $rc
}
trap cleanup EXIT

step "docker"
docker info >/dev/null 2>&1 || die "no Docker engine answers (start it: dockerd > /tmp/dockerd.log 2>&1 &)"
echo "engine $(docker version --format '{{.Server.Version}}'), compose: ${COMPOSE_BIN[*]}"

step "base image"
bash deploy/stand-in-base.sh

step "build $TAG (docker build --network host)"
previous=$(docker image inspect --format '{{.Id}}' "$TAG" 2>/dev/null || true)
if ! docker build --network host -t "$TAG" . > "$WORK/build.log" 2>&1; then
  tail -30 "$WORK/build.log"; die "docker build failed (log above)"
fi
# The image this tag named before (an earlier check's) goes; its shared layers stay cached.
if [ -n "$previous" ] && [ "$previous" != "$(docker image inspect --format '{{.Id}}' "$TAG")" ]; then
  docker rmi "$previous" >/dev/null 2>&1 || true
fi
grep -E '^Step [0-9]+/' "$WORK/build.log" | sed 's/^/  /' || true
echo "  $(docker image inspect --format '{{.Id}} {{.Size}}' "$TAG" | awk '{printf "%s, %d MB", substr($1, 8, 12), $2/1e6}')"

step "throwaway database $DB_NAME on $PG_HOST:$PG_PORT, Redis db $REDIS_DB"
pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || die "PostgreSQL does not answer on $PG_HOST:$PG_PORT"
createdb -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$DB_NAME"
redis_flush
PORT=$(free_port)
RECEIVER_PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
HOOK_SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')
cat > "$WORK/env" <<ENV
SECRET_KEY=image-check-$(python3 -c 'import secrets; print(secrets.token_urlsafe(40))')
ALLOWED_HOSTS=127.0.0.1,localhost
DATABASE_URL=postgres://$PG_USER@$PG_HOST:$PG_PORT/$DB_NAME
REDIS_URL=redis://127.0.0.1:6379/$REDIS_DB
PORT=$PORT
WEB_CONCURRENCY=2
# Plain http on 127.0.0.1: no https redirect; the webhook receiver is on the loopback.
SECURE_SSL_REDIRECT=false
WEBHOOK_ALLOW_PRIVATE_TARGETS=true
WAGTAILADMIN_BASE_URL=$BASE
ROLAND_ADMIN_PASSWORD=image-check-$(python3 -c 'import secrets; print(secrets.token_urlsafe(12))')
POSTGRES_PASSWORD=unused-postgres-runs-on-the-machine
ENV
chmod 600 "$WORK/env"
echo "web on $BASE, webhook receiver on 127.0.0.1:$RECEIVER_PORT"

step "migrate (one-shot service)"
compose run --rm --no-deps -T migrate | tail -3

step "load_demo"
in_image python manage.py load_demo --quiet-progress | tail -12

step "web and worker containers"
# `run` rather than `up` for web: docker-compose 1.29 refuses the published port of compose.yaml
# with host networking (it cannot be removed by an override); `run` publishes none.
WEB_ID=$(compose run -d --no-deps web)
WORKER_ID=$(compose run -d --no-deps worker)
[ -n "$WEB_ID" ] && [ -n "$WORKER_ID" ] || die "web or worker did not start"
for _ in $(seq 120); do
  curl -fsS -o /dev/null "$BASE/readyz" 2>/dev/null && break
  [ "$(docker inspect -f '{{.State.Running}}' "$WEB_ID")" = true ] || die "the web container stopped"
  sleep 0.5
done

step "checks"
# /readyz
if body=$(curl -fsS "$BASE/readyz" 2>&1) && grep -q '"database": {"ok": true}' <<<"$body"; then
  ok "/readyz answers 200 with the database reachable"
else
  fail "/readyz" "$body"
fi

# admin login page and its static files (WhiteNoise, collected in the image)
if login=$(curl -fsS "$BASE/admin/login/" 2>&1) && grep -q 'name="password"' <<<"$login"; then
  ok "/admin/login/ shows the sign-in form"
  statics=$(grep -oE '/static/[^"?]+\.(css|js)' <<<"$login" | sort -u | head -4 || true)
  if [ -z "$statics" ]; then
    fail "admin static files" "the login page links none"
  fi
  for path in $statics; do
    code=$(curl -sS -o /dev/null -w '%{http_code} %{content_type}' "$BASE$path")
    case "$code" in
      "200 text/css"*|"200 text/javascript"*|"200 application/javascript"*) ok "static $path ($code)";;
      *) fail "static $path" "answered $code";;
    esac
  done
else
  fail "/admin/login/" "${login:0:300}"
fi

# an API list
if count=$(curl -fsS "$BASE/api/v1/pois?locale=de&limit=5" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["items"]))' 2>&1) \
   && [ "$count" -gt 0 ] 2>/dev/null; then
  ok "/api/v1/pois lists $count demo places"
else
  fail "/api/v1/pois" "$count"
fi

# an image upload, served as a rendition through the API and /media/ (the shared media volume)
image_id=$(in_image python manage.py shell -c '
import io
from django.core.files.base import ContentFile
from PIL import Image
from media.models import RolandImage
buffer = io.BytesIO()
Image.new("RGB", (800, 500), (30, 90, 160)).save(buffer, "JPEG")
image = RolandImage.objects.create(
    title="Image check", alt_text="Eine blaue Fläche", credit="image-check", license="CC0-1.0",
    file=ContentFile(buffer.getvalue(), name="image-check.jpg"),
)
print("IMAGE", image.pk)
' | awk '/^IMAGE /{print $2}')
if [ -n "$image_id" ]; then
  renditions=$(curl -fsS "$BASE/api/wagtail/v2/images/$image_id/" | python3 -c '
import json, sys
from urllib.parse import urlsplit
for name, r in sorted(json.load(sys.stdin)["renditions"].items()):
    parts = urlsplit(r["url"])
    print(name, parts.path + ("?" + parts.query if parts.query else ""))
' 2>&1) || true
  read -r preset path <<<"$(head -1 <<<"$renditions")"
  if [ -n "${path:-}" ] && [ "${path:0:1}" = / ]; then
    got=$(curl -sS -o "$WORK/rendition" -w '%{http_code} %{content_type}' "$BASE$path")
    kind=$(python3 -c 'import sys; b=open(sys.argv[1],"rb").read(16); print("webp" if b[8:12]==b"WEBP" else "jpeg" if b[:2]==b"\xff\xd8" else "png" if b[:4]==b"\x89PNG" else "other")' "$WORK/rendition")
    if [[ "$got" == 200\ image/* ]] && [ "$kind" != other ]; then
      ok "uploaded image $image_id: rendition '$preset' served at $path ($got, $(wc -c < "$WORK/rendition") bytes)"
    else
      fail "rendition of image $image_id" "$path answered $got ($kind)"
    fi
  else
    fail "renditions of image $image_id" "${renditions:0:300}"
  fi
else
  fail "image upload" "manage.py shell created no image"
fi

# a webhook delivered by the worker container to a receiver on 127.0.0.1
cat > "$WORK/receiver.py" <<'PY'
"""Stand-in webhook receiver for the image check: records each POST (headers, body) as a JSON line."""
import base64, json, sys
from http.server import BaseHTTPRequestHandler, HTTPServer

class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with open(sys.argv[2], "a") as log:
            log.write(json.dumps({"headers": dict(self.headers), "body": base64.b64encode(body).decode()}) + "\n")
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass

HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
PY
python3 "$WORK/receiver.py" "$RECEIVER_PORT" "$WORK/received.jsonl" &
RECEIVER_PID=$!
published=$(in_image python manage.py shell -c "
from sites.models import WebhookSubscription
from tourism.models import PointOfInterest
WebhookSubscription.objects.create(name='image-check', url='http://127.0.0.1:$RECEIVER_PORT/hook', secret='$HOOK_SECRET')
page = PointOfInterest.objects.live().order_by('pk').first()
page.save_revision().publish()
print('PUBLISHED', page.pk)
" | awk '/^PUBLISHED /{print $2}')
if [ -z "$published" ]; then
  fail "webhook" "publishing a demo place failed"
else
  # The worker takes its tasks in order: the demo's preset renditions (about 1.5 min here) come first.
  for _ in $(seq 480); do [ -s "$WORK/received.jsonl" ] && break; sleep 0.5; done
  if verdict=$(python3 - "$WORK/received.jsonl" "$HOOK_SECRET" "$published" <<'PY' 2>&1
import base64, hashlib, hmac, json, sys
path, secret, page_id = sys.argv[1], sys.argv[2].encode(), int(sys.argv[3])
try:
    lines = open(path).readlines()
except FileNotFoundError:
    sys.exit("nothing arrived at the receiver within 240 s")
for line in lines:
    request = json.loads(line)
    body = base64.b64decode(request["body"])
    headers = {k.lower(): v for k, v in request["headers"].items()}
    expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
    payload = json.loads(body)
    if payload.get("event") == "published" and payload.get("id") == page_id:
        if not hmac.compare_digest(headers.get("x-roland-signature", ""), expected):
            sys.exit("signature does not match")
        print(f"{payload['event']} {payload['type']} {payload['id']}, signature verified")
        sys.exit(0)
sys.exit("no 'published' delivery for page %d in %s" % (page_id, path))
PY
  ); then
    ok "webhook delivered by the worker container: $verdict"
  else
    fail "webhook" "$verdict"
  fi
fi

# non-root
for name in web worker; do
  id=$([ $name = web ] && echo "$WEB_ID" || echo "$WORKER_ID")
  uid=$(docker exec "$id" id -u 2>&1 || true)
  if [ "$uid" != 0 ] && [[ "$uid" =~ ^[0-9]+$ ]]; then
    ok "$name container runs as uid $uid ($(docker exec "$id" id -un))"
  else
    fail "$name container user" "id -u: $uid"
  fi
done

# the image's HEALTHCHECK (first probe after its 30 s interval)
health=starting
for _ in $(seq 90); do
  health=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$WEB_ID")
  [ "$health" = starting ] || break
  sleep 1
done
if [ "$health" = healthy ]; then
  ok "HEALTHCHECK: web container is healthy ($(docker inspect -f '{{len .State.Health.Log}}' "$WEB_ID") probe(s))"
else
  fail "HEALTHCHECK" "status $health: $(docker inspect -f '{{range .State.Health.Log}}{{.Output}}{{end}}' "$WEB_ID" 2>/dev/null | tail -3)"
fi
if [ "$(docker inspect -f '{{.State.Running}}' "$WORKER_ID")" = true ]; then
  ok "worker container still running"
else
  fail "worker container" "stopped: $(docker inspect -f '{{.State.ExitCode}}' "$WORKER_ID")"
fi

step "result"
if [ ${#FAILED[@]} = 0 ]; then
  echo "image-check: all $PASSED checks passed in $(( $(date +%s) - started )) s"
else
  echo "image-check: ${#FAILED[@]} failed (${FAILED[*]}), $PASSED passed"
  exit 1
fi
