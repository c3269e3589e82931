package.path = package.path .. ";" .. os.getenv("WRK_DIR") .. "/?.lua"
local common = require("common")
local code = os.getenv("CODE")
local body = '{"customer":{"source_id":"bench-customer"},"order":{"amount":25000}}'
local requests = common.prepared(1, function()
  return wrk.format("POST", "/v1/vouchers/" .. code .. "/redemption", common.headers, body)
end)
request = requests.next
done = common.done
delay = common.delay
