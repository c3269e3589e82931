namespace Voucherify.Core.Orders;

public static class OrderStatuses
{
    public const string Created = "CREATED";
    public const string Paid = "PAID";
    public const string Canceled = "CANCELED";
    public const string Fulfilled = "FULFILLED";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Created, Paid, Canceled, Fulfilled };
}
