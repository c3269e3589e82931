package.path = package.path .. ";" .. os.getenv("WRK_DIR") .. "/?.lua"
local common = require("common")
local codes = common.lines(os.getenv("CODES_FILE"))
local body = '{"customer":{"source_id":"bench-customer"},"order":{"amount":25000,"items":[{"product_id":"prod_a","quantity":2,"price":7500},{"product_id":"prod_b","quantity":1,"price":10000}]}}'
local counter = 0
request = function()
  counter = counter + 1
  local code = codes[(counter * 7919) % #codes + 1]
  return wrk.format("POST", "/v1/vouchers/" .. code .. "/validate", common.headers, body)
end
done = common.done
