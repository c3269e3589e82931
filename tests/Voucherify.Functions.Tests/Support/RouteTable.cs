using System.Text.RegularExpressions;
using Voucherify.DevHost;
using Voucherify.Functions.Health;

namespace Voucherify.Functions.Tests.Support;

/// <summary>The routes the dev host serves, from the functions' own attributes, so tests over "every route" cover routes added later.</summary>
public static partial class RouteTable
{
    /// <summary>Every route, deletes last, so the routes before them still meet the seeded objects.</summary>
    public static IReadOnlyList<FunctionRoute> All() =>
        FunctionEndpoints.Discover(typeof(HealthFunctions).Assembly)
            .OrderBy(r => r.Methods.Contains("DELETE"))
            .ThenBy(r => r.Route, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<string> ParameterNames(string route) => Parameter().Matches(route).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The path of a route template with each {parameter} replaced (escaped) by the given value.</summary>
    public static string Fill(string route, Func<string, string> value) =>
        "/" + Parameter().Replace(route, m => Uri.EscapeDataString(value(m.Groups[1].Value)));

    public static bool IsClientSide(string route) => route.StartsWith("client/", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Parameter();
}
