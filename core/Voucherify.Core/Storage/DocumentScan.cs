using System.Runtime.CompilerServices;

namespace Voucherify.Core.Storage;

public static class DocumentScan
{
    /// <summary>Every document a query matches, page by page, for work that must visit them all.</summary>
    public static async IAsyncEnumerable<StoredDocument> ScanAsync(this IDocumentStore store, DocumentQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var next = query;
        do
        {
            var page = await store.QueryAsync(next, cancellationToken);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            next = query with { Continuation = page.Continuation };
        }
        while (next.Continuation is not null);
    }
}
