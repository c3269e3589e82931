package.path = package.path .. ";" .. os.getenv("WRK_DIR") .. "/?.lua"
local common = require("common")
local codes = common.lines(os.getenv("CODES_FILE"))
-- Seeded customers and products (bench-customer-N, prod_N), so lookups meet real documents once those routes exist. The
-- order is in order.json, which run.sh also sends once to check it passes the seeded rules.
local order = ',"order":' .. common.lines(os.getenv("WRK_DIR") .. "/order.json")[1] .. '}'
-- floor.lua sends the same requests marked for the floor host's write (FLOOR_HEADERS).
local headers = FLOOR_HEADERS or common.headers
local requests = common.prepared(math.min(math.max(#codes, 1000), 10000), function(i)
  local code = codes[(i * 7919) % #codes + 1]
  local body = '{"customer":{"source_id":"bench-customer-' .. (i % 1000) .. '"}' .. order
  return wrk.format("POST", "/v1/vouchers/" .. code .. "/validate", headers, body)
end)
request = requests.next
done = common.done
delay = common.delay
