using System.Text;
using System.Text.Json.Nodes;
using Voucherify.DevHost;
using Voucherify.Functions.Tests.Support;

namespace Voucherify.Functions.Tests.Fuzzing;

/// <summary>
/// A seeded, deterministic generator of malformed and hostile requests for every route of the route
/// table: broken and non-JSON bodies, wrong content types, deep nesting, oversized bodies, objects with
/// wrong types, missing and unknown fields, huge and negative numbers and odd unicode, bad path
/// parameters and bad query strings.
/// </summary>
public sealed class HostileRequests(int seed)
{
    private const string Json = "application/json";

    private static readonly string[] BrokenBodies =
    [
        "{", "{\"code\":", "[1,2", "\"text\"", "12", "tru", "{'code':'single quotes'}", "{\"a\":1,}", "{\"a\":NaN}",
        "{\"a\":1}{\"b\":2}", "\u00EF\u00BB\u00BF{}garbage", "<xml/>",
    ];

    private static readonly (string ContentType, string Body)[] WrongContentTypes =
    [
        ("text/plain", "{}"),
        ("application/xml", "<voucher><code>X</code></voucher>"),
        ("application/x-www-form-urlencoded", "code=A&amount=1"),
        ("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--"),
        ("image/png", "\u0089PNG"),
    ];

    private static readonly string[] HostilePathValues =
    [
        "NOPE-404", "ü🎉\u202E名", new string('x', 600), "a b", "..", "' OR 1=1 --", "%", "{code}", "-1", "null", "a%2Fb", "\u00A0\u2028",
    ];

    private static readonly string[] HostileQueries =
    [
        "limit=-1", "limit=abc", "limit=100000000000000000000", "limit=0", "limit=101", "page=-5", "page=abc", "page=99999999999",
        "order=bogus", "order[]=x", "filters[junk][conditions][$is]=1", "created_at[before]=not-a-date", "created_at[after]=2026-13-45",
        "amount=-100", "amount=1e400", "amount=abc", "amount=9223372036854775808", "code=%E2%80%AE%F0%9F%8E%89", "starting_after=garbage",
        "campaign=%00", "customer=" + new string('y', 3000), "limit=1&limit=2", "%5B%5D=1", "a[b][c][d][e][f][g][h][i][j][k]=1",
        "expand=everything", "campaign_id=&voucher=&result=BOGUS", "start_date=yesterday", "%ZZ=1",
    ];

    private static readonly string[] Fields =
    [
        "code", "name", "type", "amount", "order", "customer", "discount", "items", "quantity", "price", "metadata", "source_id",
        "id", "email", "vouchers_count", "voucher", "redemption", "campaign", "category", "start_date", "expiration_date", "active",
        "percent_off", "amount_off", "amount_limit", "gift", "balance", "reason", "rules", "conditions", "validation_rules",
        "code_config", "pattern", "length", "product_id", "sku_id", "object", "vouchers", "redeemables", "options", "session",
        "tracking_id", "validity_timeframe", "validity_day_of_week", "join_once", "auto_join", "campaign_type", "unit_off",
        "additional_info", "applicable_to", "filters", "created_at", "__proto__", "constructor", "$where", "",
    ];

    private readonly Random random = new(seed);

    public IEnumerable<FuzzCase> For(FunctionRoute route, Func<string, string> validValueOf)
    {
        var parameters = RouteTable.ParameterNames(route.Route);
        var realPath = RouteTable.Fill(route.Route, validValueOf);
        foreach (var method in route.Methods)
        {
            var takesBody = method is "POST" or "PUT" or "PATCH";
            foreach (var query in HostileQueries)
            {
                yield return new FuzzCase("query", method, $"{realPath}?{query}", null, Json, false);
            }

            foreach (var name in parameters)
            {
                foreach (var hostile in HostilePathValues)
                {
                    var path = RouteTable.Fill(route.Route, p => p == name ? hostile : validValueOf(p));
                    yield return new FuzzCase("path", method, path, takesBody ? Encoding.UTF8.GetBytes("{}") : null, Json, false);
                }
            }

            if (!takesBody)
            {
                continue;
            }

            foreach (var broken in BrokenBodies)
            {
                yield return new FuzzCase("broken-json", method, realPath, Encoding.UTF8.GetBytes(broken), Json, true);
            }

            yield return new FuzzCase("invalid-utf8", method, realPath, [(byte)'{', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}'], Json, true);
            yield return new FuzzCase("deep-nesting", method, realPath, Encoding.UTF8.GetBytes(Deep(200)), Json, true);
            yield return new FuzzCase("deep-nesting", method, realPath, Encoding.UTF8.GetBytes("{\"order\":" + Deep(40) + "}"), Json, true);
            yield return new FuzzCase("oversized", method, realPath, Encoding.UTF8.GetBytes("{\"a\":\"" + new string('a', 1_200_000)), Json, true);
            foreach (var (contentType, body) in WrongContentTypes)
            {
                yield return new FuzzCase("content-type", method, realPath, Encoding.UTF8.GetBytes(body), contentType, true);
            }

            yield return new FuzzCase("non-object", method, realPath, Encoding.UTF8.GetBytes("null"), Json, false);
            yield return new FuzzCase("non-object", method, realPath, Encoding.UTF8.GetBytes("[{\"code\":1},2,\"x\",null]"), Json, false);
            for (var i = 0; i < 24; i++)
            {
                yield return new FuzzCase("hostile-object", method, realPath, Encoding.UTF8.GetBytes(HostileObject(depth: 0).ToJsonString()), Json, false);
            }
        }
    }

    private static string Deep(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private JsonObject HostileObject(int depth)
    {
        var node = new JsonObject();
        var count = random.Next(0, 7);
        for (var i = 0; i < count; i++)
        {
            node[Fields[random.Next(Fields.Length)]] = HostileValue(depth + 1);
        }

        return node;
    }

    private JsonNode? HostileValue(int depth)
    {
        switch (random.Next(depth < 3 ? 24 : 20))
        {
            case 0: return null;
            case 1: return -1;
            case 2: return long.MinValue;
            case 3: return JsonNode.Parse("9223372036854775808");
            case 4: return JsonNode.Parse("1e400");
            case 5: return 0.5;
            case 6: return string.Empty;
            case 7: return "ü🎉\u202E名\u0000\uFEFF";
            case 8: return new string('z', 5000);
            case 9: return true;
            case 10: return "2026-13-45T99:00:00Z";
            case 11: return "NaN";
            case 12: return new JsonArray();
            case 13: return new JsonObject();
            case 14: return "-100";
            case 15: return -250000;
            case 16: return JsonNode.Parse("-1e-400");
            case 17: return "\uD83D";
            case 18: return 1e308;
            case 19: return "AMOUNT";
            case 20:
            case 21: return HostileObject(depth);
            default: return new JsonArray(HostileValue(depth + 1), HostileObject(depth));
        }
    }
}
