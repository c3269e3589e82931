package.path = package.path .. ";" .. os.getenv("WRK_DIR") .. "/?.lua"
local common = require("common")
local requests = common.prepared(1, function()
  return wrk.format("GET", "/v1/redemptions?limit=10", common.headers)
end)
request = requests.next
done = common.done
delay = common.delay
