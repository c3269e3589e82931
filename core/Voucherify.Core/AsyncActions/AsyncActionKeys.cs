using Voucherify.Core.Storage;

namespace Voucherify.Core.AsyncActions;

public static class AsyncActionKeys
{
    public const string Kind = "async_action";
    public const string PayloadPath = "payload";

    public static DocumentKey For(string projectId, string id) => new(projectId, Kind, id, id);
}
