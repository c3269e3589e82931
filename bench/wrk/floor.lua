-- Validate's requests, each marked X-Floor: the floor host (bench/Voucherify.Floor) also commits the least a redemption
-- writes before it answers. Its throughput is the most any redeem could reach on this machine and store.
package.path = package.path .. ";" .. os.getenv("WRK_DIR") .. "/?.lua"
local common = require("common")
FLOOR_HEADERS = { ["X-Floor"] = "1" }
for name, value in pairs(common.headers) do FLOOR_HEADERS[name] = value end
dofile(os.getenv("WRK_DIR") .. "/validate.lua")
