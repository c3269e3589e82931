using Voucherify.Core.Storage;

namespace Voucherify.Core.Lists;

/// <summary>
/// Serves page-style lists from a store that pages by continuation: it walks to the requested page.
/// Pages are capped (99/100) by the contract, so the walk is bounded.
/// </summary>
public static class PageReader
{
    public static Task<PagedResult<T>> ReadAsync<T>(IDocumentStore store, DocumentQuery query, Paging paging, CancellationToken cancellationToken) =>
        ReadAsync(store, query, paging, static document => document.Read<T>(), cancellationToken);

    /// <summary>
    /// As <see cref="ReadAsync{T}(IDocumentStore, DocumentQuery, Paging, CancellationToken)"/>, for a caller that only
    /// shows the items and never changes them: each may be the object every reader of its version gets
    /// (<see cref="DocumentJson.ReadShared{T}"/>), so a store that hands back the versions an earlier page held
    /// deserialises each once, not on every page.
    /// </summary>
    public static Task<PagedResult<T>> ReadSharedAsync<T>(IDocumentStore store, DocumentQuery query, Paging paging, CancellationToken cancellationToken)
        where T : notnull =>
        ReadAsync(store, query with { ReadShared = true }, paging, static document => document.ReadShared<T>(), cancellationToken);

    private static async Task<PagedResult<T>> ReadAsync<T>(IDocumentStore store, DocumentQuery query, Paging paging, Func<StoredDocument, T> read, CancellationToken cancellationToken)
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
        return new PagedResult<T>(page.Items.Select(read).ToList(), total);
    }
}
