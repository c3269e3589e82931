namespace Voucherify.Core.ChangeFeed;

public static class ChangeHandlers
{
    /// <summary>The handlers, if their names are unique: a name keys the handler's checkpoint (or lease prefix) and its parked changes.</summary>
    public static IReadOnlyList<IChangeHandler> WithUniqueNames(IEnumerable<IChangeHandler> handlers)
    {
        var list = handlers.ToList();
        var duplicate = list.GroupBy(h => h.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? list
            : throw new InvalidOperationException($"Two change handlers are named '{duplicate.Key}'; names key their checkpoints and must be unique.");
    }
}
