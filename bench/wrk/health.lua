package.path = package.path .. ";" .. os.getenv("WRK_DIR") .. "/?.lua"
local common = require("common")
wrk.method = "GET"
wrk.path = "/health"
done = common.done
