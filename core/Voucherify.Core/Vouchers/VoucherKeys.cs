using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Vouchers;

/// <summary>
/// A voucher is stored under its code (id and partition key), so validate and redeem are one point
/// read, and "codes are unique per project" is the store's own create conflict.
/// </summary>
public static class VoucherKeys
{
    public const string Kind = "voucher";

    public static DocumentKey For(Project project, string code) => new(project.Id, Kind, code, code);
}
