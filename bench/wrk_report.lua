-- wrk script: optional request headers from the environment and a JSON summary at the end.
-- BENCH_HEADER="Name: value" adds one header.
local header = os.getenv("BENCH_HEADER")
if header and header ~= "" then
  local name, value = header:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write("BENCH_JSON ")
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "rps": %.1f, "bytes": %d, "p50_ms": %.2f, "p99_ms": %.2f, ' ..
    '"max_ms": %.2f, "errors_connect": %d, "errors_read": %d, "errors_timeout": %d, "errors_status": %d}\n',
    summary.requests, seconds, summary.requests / seconds, summary.bytes,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect, summary.errors.read, summary.errors.timeout, summary.errors.status))
end
