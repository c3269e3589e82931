using Voucherify.Core.Json;
using Voucherify.Core.Lists;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Products;

/// <summary>Product and SKU lists as store queries.</summary>
public static class CatalogQueries
{
    private static readonly Dictionary<string, string> SortFields = new(StringComparer.Ordinal)
    {
        ["created_at"] = "created_at",
        ["updated_at"] = "updated_at",
    };

    public static DocumentQuery From(Project project, string kind, CatalogListQuery query, params Condition[] where)
    {
        var sort = SortOrder.Parse(query.Order, SortFields);
        var conditions = new List<Condition>(where);
        if (query.StartDate is { } start)
        {
            conditions.Add(Condition.GreaterOrEq("created_at", Timestamps.Format(start)));
        }

        if (query.EndDate is { } end)
        {
            conditions.Add(Condition.LessOrEq("created_at", Timestamps.Format(end)));
        }

        return new DocumentQuery(project.Id, kind) { Where = conditions, OrderBy = sort.Path, Descending = sort.Descending };
    }

    /// <summary>Binds a product or SKU body; a negative price is a 400 like any other bad field.</summary>
    public static T BindPriced<T>(System.Text.Json.Nodes.JsonObject raw, Func<T, long?> price)
    {
        var request = WireBinding.Bind<T>(raw);
        return price(request) < 0 ? throw Errors.Problems.InvalidPayload($"price must not be negative, got {price(request)}.") : request;
    }
}
