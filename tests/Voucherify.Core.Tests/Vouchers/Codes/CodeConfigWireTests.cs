using System.Text.Json;
using Voucherify.Core.Json;
using Voucherify.Core.Vouchers.Codes;

namespace Voucherify.Core.Tests.Vouchers.Codes;

public sealed class CodeConfigWireTests
{
    [Fact]
    public void A_code_config_reads_and_writes_the_contract_field_names()
    {
        const string json = """{"length":10,"charset":"0123456789","prefix":"A-","postfix":"-Z","pattern":"##-##","initial_count":5}""";

        var config = JsonSerializer.Deserialize<CodeConfig>(json, Wire.Options);

        Assert.Equal(new CodeConfig(10, "0123456789", "A-", "-Z", "##-##", 5), config);
        Assert.Equal(json, JsonSerializer.Serialize(config, Wire.Options));
    }
}
