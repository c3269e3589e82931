-- Shared by every scenario: server keys, JSON bodies, and one machine-readable result line.
local common = {}

common.headers = {
  ["X-App-Id"] = "dev-app-id",
  ["X-App-Token"] = "dev-app-token",
  ["Content-Type"] = "application/json",
}

function common.lines(path)
  local items = {}
  for line in io.lines(path) do
    if #line > 0 then items[#items + 1] = line end
  end
  return items
end

function common.done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    "RESULT rps=%.1f p50=%.3f p99=%.3f p999=%.3f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    errors, summary.requests))
end

return common
