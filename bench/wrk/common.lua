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

-- Requests built once per thread and sent in turn. Building one per request (string joins and wrk.format) cost wrk
-- ~4 us of CPU each (user time 5.6 against 1.6 us per validate request), taken from the two cores the host shares
-- with it, while the ceiling's /health is one fixed request that costs nothing to build: the scenarios' ratios to the
-- ceiling should measure the host, not the client's Lua. Built at the first request, not when the script loads:
-- wrk.format adds the Host header, which wrk sets only then.
function common.prepared(count, build)
  local built, at = nil, 0
  return {
    next = function()
      if built == nil then
        built = {}
        for i = 1, count do built[i] = build(i) end
      end
      at = at % count + 1
      return built[at]
    end,
  }
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

-- A wait after each answer before the connection sends again (PACE_MS on average, whole milliseconds as wrk takes
-- them): with few enough connections this holds the load at a rate below the maximum, for latency at half load. Left
-- undefined without it, since wrk then puts every request through a timer.
--
-- The waits are drawn at random (exponential, as the time between independent shoppers' requests is), so connections
-- send independently. A fixed wait kept them in step: the connections answered in one burst all sent again 10 ms later
-- in the next, and the latency measured how long the host took to drain a burst of ~N requests, not the tail at a
-- rate (same host, 190 connections: get-voucher's and validate's p99 5.0-6.7 ms in step, 2.9-5.5 with these waits, at
-- a higher rate; bench/README.md, twenty-sixth session). PACE_FIXED=1 keeps the fixed wait, to compare with figures
-- measured before.
local pace = tonumber(os.getenv("PACE_MS") or "0")
if pace > 0 then
  if os.getenv("PACE_FIXED") == "1" then
    common.delay = function() return pace end
  else
    -- Each thread has its own Lua state; a table's address tells them apart, so they draw different waits.
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 1000003)
    common.delay = function() return math.floor(-pace * math.log(1 - math.random()) + 0.5) end
  end
end

return common
