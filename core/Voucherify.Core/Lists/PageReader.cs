using Voucherify.Core.Storage;

namespace Voucherify.Core.Lists;

/// <summary>
/// Serves page-style lists from a store that pages by continuation: it walks to the requested page.
/// Pages are capped (99/100) by the contract, so the walk is bounded.
/// </summary>
public static class PageReader
{
    public static async Task<PagedResult<T>> ReadAsync<T>(IDocumentStore store, DocumentQuery query, Paging paging, CancellationToken cancellationToken)
    {
        var pageQuery = query with { PageSize = paging.Limit };
        DocumentPage page = new([], null);
        for (var number = 1; number <= paging.Page; number++)
        {
            page = await store.QueryAsync(pageQuery, cancellationToken);
            if (page.Continuation is null && number < paging.Page)
            {
                page = new DocumentPage([], null);
                break;
            }

            pageQuery = pageQuery with { Continuation = page.Continuation };
        }

        var total = await store.CountAsync(query, cancellationToken);
        return new PagedResult<T>(page.Items.Select(d => d.Read<T>()).ToList(), total);
    }
}
