using System.Net;
using System.Text;

namespace Voucherify.Infrastructure.Cosmos;

/// <summary>
/// Test-only request wrapper between the Cosmos SDK and @vercel/cosmosdb-server, which differs
/// from the real service in two ways the SDK cannot live with. Real Cosmos DB never sees it: it
/// is installed only when <see cref="CosmosStoreOptions.TestServerCompatibility"/> is set.
/// 1. Reading a missing item crashes the server (500); the real service answers 404.
/// 2. On Linux the SDK has no native query parser and asks the gateway for a query plan before a
///    cross-partition query; the server does not know that request. The wrapper answers with a plan
///    that says "nothing to rewrite": the SDK then sends the query as it is to each partition key
///    range. The test server has a single range, so ORDER BY and TOP, evaluated by the server on
///    the whole collection, still come back complete and in order.
/// </summary>
public sealed class CosmosTestServerHandler : DelegatingHandler
{
    private const string PassThroughPlan = """
        {"partitionedQueryExecutionInfoVersion":2,"queryInfo":{"distinctType":"None","top":null,"offset":null,"limit":null,
        "orderBy":[],"orderByExpressions":[],"groupByExpressions":[],"groupByAliases":[],"aggregates":[],
        "groupByAliasToAggregateType":{},"rewrittenQuery":"","hasSelectValue":false,"dCountInfo":null,"hasNonStreamingOrderBy":false},
        "queryRanges":[{"min":"","max":"FF","isMinInclusive":true,"isMaxInclusive":false}]}
        """;

    private readonly TimeSpan? timeout;

    /// <param name="timeout">
    /// A hard limit per request: the SDK's own timeouts are retried with growing limits, so a server stuck in a
    /// busy loop would hold a test for minutes.
    /// </param>
    public CosmosTestServerHandler(TimeSpan? timeout = null)
        : base(new SocketsHttpHandler())
    {
        this.timeout = timeout;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.TryGetValues("x-ms-cosmos-is-query-plan-request", out var values)
            && values.Any(value => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)))
        {
            return Json(HttpStatusCode.OK, PassThroughPlan, request);
        }

        HttpResponseMessage response;
        using (var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            if (timeout is { } after)
            {
                limit.CancelAfter(after);
            }

            try
            {
                response = await base.SendAsync(request, limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The Cosmos test server did not answer {request.Method} {request.RequestUri} within {timeout}.", exception);
            }
        }

        if (response.StatusCode == HttpStatusCode.InternalServerError
            && request.Method == HttpMethod.Get
            && IsItemPath(request.RequestUri))
        {
            response.Dispose();
            return Json(HttpStatusCode.NotFound, """{"code":"NotFound","message":"Entity with the specified id does not exist in the system."}""", request);
        }

        return response;
    }

    /// <summary>/dbs/{db}/colls/{coll}/docs/{id}</summary>
    private static bool IsItemPath(Uri? uri)
    {
        var segments = uri?.AbsolutePath.Trim('/').Split('/') ?? [];
        return segments.Length == 6 && segments[0] == "dbs" && segments[2] == "colls" && segments[4] == "docs";
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json, HttpRequestMessage request)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
        response.Headers.Add("x-ms-activity-id", Guid.NewGuid().ToString());
        response.Headers.Add("x-ms-request-charge", "1");
        return response;
    }
}
