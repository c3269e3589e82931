package.path = package.path .. ";" .. os.getenv("WRK_DIR") .. "/?.lua"
local common = require("common")
local codes = common.lines(os.getenv("CODES_FILE"))
local requests = common.prepared(math.min(#codes, 10000), function(i)
  return wrk.format("GET", "/v1/vouchers/" .. codes[(i * 7919) % #codes + 1], common.headers)
end)
request = requests.next
done = common.done
delay = common.delay
