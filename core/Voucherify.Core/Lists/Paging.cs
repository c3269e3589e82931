using Voucherify.Core.Errors;

namespace Voucherify.Core.Lists;

/// <summary>The contract's page-style paging: limit 1..100 (default 10), page 1..maxPage.</summary>
public sealed record Paging(int Limit, int Page)
{
    public static Paging Parse(string? limit, string? page, int maxPage = 100)
    {
        var parsedLimit = ParseBounded("limit", limit, 10, 1, 100);
        var parsedPage = ParseBounded("page", page, 1, 1, maxPage);
        return new Paging(parsedLimit, parsedPage);
    }

    private static int ParseBounded(string name, string? text, int fallback, int min, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw Problems.InvalidQueryParams($"{name} must be an integer from {min} to {max}.");
        }

        return value;
    }
}
