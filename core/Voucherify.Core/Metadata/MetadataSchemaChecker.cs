using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Voucherify.Core.Metadata;

/// <summary>
/// Checks a metadata object against a schema: required properties, types, array-ness, the constraints of each
/// definition, and with allow_defined_only no keys beyond the defined ones. Free of I/O: nested object schemas
/// come from <c>nested</c>. Answers the first violation, in the order the schema defines its properties.
/// </summary>
public static class MetadataSchemaChecker
{
    private const int MaxNesting = 8;

    public static MetadataViolation? Check(MetadataSchema schema, JsonNode? metadata, Func<string, MetadataSchema?> nested) =>
        Check(schema, metadata, nested, string.Empty, 0);

    private static MetadataViolation? Check(MetadataSchema schema, JsonNode? metadata, Func<string, MetadataSchema?> nested, string prefix, int depth)
    {
        if (metadata is not (null or JsonObject))
        {
            return new MetadataViolation(prefix.Length == 0 ? "metadata" : prefix.TrimEnd('.'), "must be an object");
        }

        var values = metadata as JsonObject ?? [];
        var defined = schema.Properties.Where(p => p.Value.Deleted != true).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var (name, definition) in defined)
        {
            var value = values[name];
            if (value is null || value.GetValueKind() == JsonValueKind.Null)
            {
                if (!definition.Optional)
                {
                    return new MetadataViolation(prefix + name, "is required");
                }

                continue;
            }

            if (CheckProperty(definition, value, nested, prefix + name, depth) is { } violation)
            {
                return violation;
            }
        }

        if (schema.AllowDefinedOnly == true && values.Select(p => p.Key).FirstOrDefault(key => !defined.ContainsKey(key)) is { } unknown)
        {
            return new MetadataViolation(prefix + unknown, "is not defined in the schema, which allows defined properties only");
        }

        return null;
    }

    private static MetadataViolation? CheckProperty(MetadataPropertyDefinition definition, JsonNode value, Func<string, MetadataSchema?> nested, string path, int depth)
    {
        if (!definition.Array)
        {
            return CheckValue(definition, value, nested, path, depth);
        }

        if (value is not JsonArray array)
        {
            return new MetadataViolation(path, $"must be an array of {definition.Type}");
        }

        for (var index = 0; index < array.Count; index++)
        {
            if (array[index] is not { } element)
            {
                return new MetadataViolation($"{path}[{index}]", $"must be a {definition.Type}, not null");
            }

            if (CheckValue(definition, element, nested, $"{path}[{index}]", depth) is { } violation)
            {
                return violation;
            }
        }

        return null;
    }

    private static MetadataViolation? CheckValue(MetadataPropertyDefinition definition, JsonNode value, Func<string, MetadataSchema?> nested, string path, int depth)
    {
        if (definition.Type == MetadataPropertyTypes.Object && value is JsonObject && definition.ObjectType is { } objectType
            && depth < MaxNesting && nested(objectType) is { } schema)
        {
            return Check(schema, value, nested, path + ".", depth + 1);
        }

        var reason = TypeReason(definition.Type, value) ?? ConstraintReason(definition, value);
        return reason is null ? null : new MetadataViolation(path, reason);
    }

    private static string? TypeReason(string type, JsonNode value)
    {
        var kind = value.GetValueKind();
        var text = kind == JsonValueKind.String ? value.GetValue<string>() : null;
        var fits = type switch
        {
            MetadataPropertyTypes.String => text is not null,
            MetadataPropertyTypes.Number => kind == JsonValueKind.Number,
            MetadataPropertyTypes.Boolean => kind is JsonValueKind.True or JsonValueKind.False,
            MetadataPropertyTypes.Date => text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            MetadataPropertyTypes.DateTime => text is not null && text.Contains('T', StringComparison.Ordinal)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            MetadataPropertyTypes.ImageUrl => text is not null && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp),
            MetadataPropertyTypes.Object => kind == JsonValueKind.Object,
            MetadataPropertyTypes.Geopoint => IsGeopoint(value),
            _ => true,
        };
        return fits ? null : $"must be {Describe(type)}";
    }

    private static string? ConstraintReason(MetadataPropertyDefinition definition, JsonNode value)
    {
        if (definition.Eq is { Count: > 0 } eq && !eq.Any(allowed => Same(allowed, value)))
        {
            return $"must be one of {eq.ToJsonString()}";
        }

        if (definition.Ne is { Count: > 0 } ne && ne.Any(refused => Same(refused, value)))
        {
            return $"must not be any of {ne.ToJsonString()}";
        }

        if (Number(value) is { } number)
        {
            return NumberReason(definition, number);
        }

        if (value.GetValueKind() == JsonValueKind.String)
        {
            return LengthReason(definition, value.GetValue<string>().Length);
        }

        return null;
    }

    private static string? NumberReason(MetadataPropertyDefinition definition, decimal number) =>
        definition switch
        {
            { Lt: { } lt } when !(number < lt) => $"must be less than {lt}",
            { Lte: { } lte } when !(number <= lte) => $"must be less than or equal to {lte}",
            { Gt: { } gt } when !(number > gt) => $"must be more than {gt}",
            { Gte: { } gte } when !(number >= gte) => $"must be more than or equal to {gte}",
            _ => null,
        };

    private static string? LengthReason(MetadataPropertyDefinition definition, int length) =>
        definition switch
        {
            { ExactLength: { } exact } when length != exact => $"must be exactly {exact} characters long",
            { MinLength: { } min } when length < min => $"must be at least {min} characters long",
            { MaxLength: { } max } when length > max => $"must be at most {max} characters long",
            _ => null,
        };

    /// <summary>Numbers compare by value (5 equals 5.0), everything else by JSON equality.</summary>
    private static bool Same(JsonNode? expected, JsonNode value) =>
        Number(expected) is { } left && Number(value) is { } right ? left == right : JsonNode.DeepEquals(expected, value);

    /// <returns>Null for anything but a number in the decimal range (which no constraint can be written beyond).</returns>
    private static decimal? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? value.TryGetValue<decimal>(out var number) ? number
            : value.TryGetValue<long>(out var integer) ? integer
            : value.TryGetValue<int>(out var small) ? small
            : null
            : null;

    private static bool IsGeopoint(JsonNode value) =>
        value is JsonObject point
        && Number(point["latitude"]) is { } latitude && Math.Abs(latitude) <= 90
        && Number(point["longitude"]) is { } longitude && Math.Abs(longitude) <= 180;

    private static string Describe(string type) => type switch
    {
        MetadataPropertyTypes.Date => "a date (YYYY-MM-DD)",
        MetadataPropertyTypes.DateTime => "an ISO-8601 date-time",
        MetadataPropertyTypes.ImageUrl => "an http(s) image URL",
        MetadataPropertyTypes.Geopoint => "a geopoint {latitude: -90..90, longitude: -180..180}",
        MetadataPropertyTypes.Object => "an object",
        MetadataPropertyTypes.Boolean => "a boolean",
        MetadataPropertyTypes.Number => "a number",
        _ => "a string",
    };
}
