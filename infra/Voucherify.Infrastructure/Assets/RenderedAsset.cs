namespace Voucherify.Infrastructure.Assets;

/// <summary>An image ready to send: its bytes and their media type.</summary>
public sealed record RenderedAsset(byte[] Content, string ContentType)
{
    public const string Png = "image/png";
    public const string Svg = "image/svg+xml";
}
