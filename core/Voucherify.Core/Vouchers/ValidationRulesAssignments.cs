using System.Text.Json.Nodes;

namespace Voucherify.Core.Vouchers;

/// <summary>The rules attached to a voucher or campaign, in the contract's list shape.</summary>
public sealed record ValidationRulesAssignments
{
    public string Object { get; init; } = "list";

    public string DataRef { get; init; } = "data";

    public IReadOnlyList<JsonObject> Data { get; init; } = [];

    public long Total { get; init; }
}
