namespace Voucherify.Core.Lists;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, long Total);
