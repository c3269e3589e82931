using System.Globalization;
using Microsoft.AspNetCore.Http;
using Voucherify.Core.Errors;
using Voucherify.Core.Vouchers.Assets;
using Voucherify.Infrastructure.Assets;

namespace Voucherify.Functions.Assets;

/// <summary>The optional query of an asset link: format=png|svg (png by default) and size=1..100.</summary>
public sealed record AssetQuery(AssetFormat Format, int Size)
{
    /// <exception cref="ApiException">400 invalid_query_params.</exception>
    public static AssetQuery From(IQueryCollection query) => new(ParseFormat(query["format"]), ParseSize(query["size"]));

    private static AssetFormat ParseFormat(string? text) => text?.ToLowerInvariant() switch
    {
        null or "" or "png" => AssetFormat.Png,
        "svg" => AssetFormat.Svg,
        _ => throw Problems.InvalidQueryParams("format must be png or svg"),
    };

    private static int ParseSize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return AssetScale.Default;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= AssetScale.Min and <= AssetScale.Max
            ? size
            : throw Problems.InvalidQueryParams($"size must be an integer from {AssetScale.Min} to {AssetScale.Max}");
    }
}
