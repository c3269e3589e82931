package.path = package.path .. ";" .. os.getenv("WRK_DIR") .. "/?.lua"
local common = require("common")
local codes = common.lines(os.getenv("CODES_FILE"))
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/v1/vouchers/" .. codes[(counter * 7919) % #codes + 1], common.headers)
end
done = common.done
delay = common.delay
