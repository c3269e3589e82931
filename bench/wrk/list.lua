package.path = package.path .. ";" .. os.getenv("WRK_DIR") .. "/?.lua"
local common = require("common")
request = function()
  return wrk.format("GET", "/v1/redemptions?limit=10", common.headers)
end
done = common.done
delay = common.delay
