namespace Voucherify.Core.Metadata;

public static class MetadataPropertyTypes
{
    public const string String = "string";
    public const string Number = "number";
    public const string Boolean = "boolean";
    public const string Date = "date";
    public const string DateTime = "datetime";
    public const string ImageUrl = "image_url";
    public const string Object = "object";
    public const string Geopoint = "geopoint";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        String, Number, Boolean, Date, DateTime, ImageUrl, Object, Geopoint,
    };
}
