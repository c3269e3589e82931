namespace Voucherify.Core.Errors;

/// <summary>
/// Every error the service answers with, named once, with the contract's status, key and message.
/// </summary>
public static class Problems
{
    public static ApiException InvalidPayload(string details) =>
        new(new ApiError(400, "invalid_payload", "Invalid payload") { Details = details });

    public static ApiException InvalidQueryParams(string details) =>
        new(new ApiError(400, "invalid_query_params", "Invalid query params") { Details = details });

    public static ApiException MissingParam(string details) =>
        new(new ApiError(400, "missing_param", "Missing parameter") { Details = details });

    public static ApiException MalformedJson(string details) =>
        new(new ApiError(400, "invalid_payload", "Invalid payload") { Details = $"Malformed JSON: {details}" });

    public static ApiException Unauthorized() =>
        new(new ApiError(401, "unauthorized", "Unauthorized") { Details = "Missing or invalid API keys." });

    public static ApiException Forbidden(string details) =>
        new(new ApiError(403, "forbidden", "Forbidden") { Details = details });

    public static ApiException NotFound(string resourceType, string id) =>
        new(new ApiError(404, "not_found", "Resource not found")
        {
            Details = $"Cannot find {resourceType} with id {id}",
            ResourceId = id,
            ResourceType = resourceType,
        });

    public static ApiException RouteNotFound(string path) =>
        new(new ApiError(404, "not_found", "Resource not found") { Details = $"No endpoint at {path}" });

    public static ApiException MethodNotAllowed(string method, string path) =>
        new(new ApiError(405, "method_not_allowed", "Method not allowed") { Details = $"{method} is not allowed on {path}" });

    public static ApiException Duplicate(string resourceType, string id) =>
        new(new ApiError(409, "duplicate_found", "Duplicated resource found")
        {
            Details = $"Duplicated {resourceType} exists with id {id}",
            ResourceId = id,
            ResourceType = resourceType,
        });

    public static ApiException DuplicateSourceId(string resourceType, string sourceId) =>
        new(new ApiError(400, "duplicate_source_id", "Duplicated source_id")
        {
            Details = $"Another {resourceType} already has source_id {sourceId}",
            ResourceType = resourceType,
        });

    public static ApiException MetadataValidationFailed(string relatedObject, string details) =>
        new(new ApiError(400, "metadata_validation_failed", "Metadata validation failed")
        {
            Details = details,
            ResourceType = relatedObject,
        });

    public static ApiException PayloadTooLarge(long limit) =>
        new(new ApiError(413, "payload_too_large", "Payload too large") { Details = $"The body exceeds {limit} bytes." });

    public static ApiException UnsupportedMediaType(string? contentType) =>
        new(new ApiError(415, "unsupported_media_type", "Unsupported media type") { Details = $"Expected application/json, got {contentType ?? "nothing"}." });

    public static ApiException TooManyRequests(TimeSpan wait) =>
        new(new ApiError(429, "too_many_requests", "Too many requests") { Details = $"The rate limit of these API keys is used up; retry after {Seconds(wait)} s." })
        {
            RetryAfterSeconds = Seconds(wait),
        };

    public static ApiException AlreadyRolledBack(string redemptionId) =>
        new(new ApiError(400, "already_rolled_back", "Redemption has already been rolled back")
        {
            Details = $"Redemption {redemptionId} has already been rolled back.",
            ResourceId = redemptionId,
            ResourceType = "redemption",
        });

    public static ApiException MissingAmount(string details) =>
        new(new ApiError(400, "missing_amount", "Missing order amount") { Details = details });

    public static ApiException MissingOrderItemsAmount(string details) =>
        new(new ApiError(400, "missing_order_items_amount", "Missing applicable order items") { Details = details });

    public static ApiException Conflict(string details) =>
        new(new ApiError(409, "conflict", "Conflict") { Details = details });

    public static ApiException ServiceUnavailable(TimeSpan wait) =>
        new(new ApiError(503, "service_unavailable", "Service unavailable") { Details = $"The store is busy; retry after {Seconds(wait)} s." })
        {
            RetryAfterSeconds = Seconds(wait),
        };

    public static ApiException Internal() =>
        new(new ApiError(500, "internal_error", "Internal server error"));

    /// <summary>A wait as Retry-After counts it: whole seconds, rounded up, at least one.</summary>
    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
