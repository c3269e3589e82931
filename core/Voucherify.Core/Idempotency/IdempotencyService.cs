using System.Security.Cryptography;
using System.Text;
using Voucherify.Core.Errors;
using Voucherify.Core.Projects;
using Voucherify.Core.Storage;

namespace Voucherify.Core.Idempotency;

/// <summary>
/// Claims a key atomically (a create, so of two racing requests exactly one owns it), then stores
/// the owner's answer for replay. A claim whose owner died before answering is taken over after
/// <see cref="AbandonedAfter"/>, by an etag-guarded replace so only one request takes it.
/// </summary>
public sealed class IdempotencyService(IDocumentStore store, TimeProvider clock)
{
    public const string Kind = "idempotency";
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(5);

    public static string Fingerprint(string method, string path, ReadOnlySpan<byte> body)
    {
        var hash = new IncrementalHash(method, path);
        return hash.Finish(body);
    }

    public async Task<IdempotencyClaim> ClaimAsync(Project project, string key, string fingerprint, CancellationToken cancellationToken)
    {
        if (key.Length is 0 or > MaxKeyLength)
        {
            throw Problems.InvalidPayload($"Idempotency-Key must be 1 to {MaxKeyLength} characters.");
        }

        var record = new IdempotencyRecord { Key = key, Fingerprint = fingerprint, StartedAt = clock.GetUtcNow() };
        var documentKey = new DocumentKey(project.Id, Kind, key, key);
        try
        {
            await store.CreateAsync(new NewDocument(documentKey, DocumentJson.ToBody(record)), cancellationToken);
            return new IdempotencyClaim(true, record);
        }
        catch (DocumentConflictException)
        {
            return await ExistingAsync(documentKey, record, cancellationToken);
        }
    }

    public Task CompleteAsync(Project project, string key, int status, string body, CancellationToken cancellationToken) =>
        store.PatchAsync(
            new DocumentKey(project.Id, Kind, key, key),
            [
                PatchOperation.Set("status", IdempotencyStatuses.Completed),
                PatchOperation.Set("response_status", status),
                PatchOperation.Set("response_body", body),
            ],
            [Condition.Eq("status", IdempotencyStatuses.InProgress)],
            cancellationToken);

    /// <summary>The owner failed on our side (5xx): release the key so a retry can run.</summary>
    public Task ReleaseAsync(Project project, string key, CancellationToken cancellationToken) =>
        store.DeleteAsync(new DocumentKey(project.Id, Kind, key, key), null, cancellationToken);

    private async Task<IdempotencyClaim> ExistingAsync(DocumentKey documentKey, IdempotencyRecord mine, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(documentKey, cancellationToken) ?? throw MultipleRequests(mine.Key);
        var existing = stored.Read<IdempotencyRecord>();
        if (existing.Fingerprint != mine.Fingerprint)
        {
            throw new ApiException(new ApiError(400, "idempotency_key_reused", "Idempotency key reused")
            {
                Details = "This Idempotency-Key was used with a different request; use a new key for a new request.",
            });
        }

        if (existing.Status == IdempotencyStatuses.Completed)
        {
            return new IdempotencyClaim(false, existing);
        }

        if (clock.GetUtcNow() - existing.StartedAt < AbandonedAfter)
        {
            throw MultipleRequests(mine.Key);
        }

        try
        {
            await store.ReplaceAsync(new NewDocument(documentKey, DocumentJson.ToBody(mine)), stored.ETag, cancellationToken);
            return new IdempotencyClaim(true, mine);
        }
        catch (PreconditionFailedException)
        {
            throw MultipleRequests(mine.Key);
        }
    }

    private static ApiException MultipleRequests(string key) =>
        new(new ApiError(409, "multiple_requests", "Multiple requests") { Details = $"A request with Idempotency-Key {key} is still in progress." });

    private readonly ref struct IncrementalHash(string method, string path)
    {
        public string Finish(ReadOnlySpan<byte> body)
        {
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(Encoding.UTF8.GetBytes($"{method} {path}\n"));
            hash.AppendData(body);
            return Convert.ToHexString(hash.GetHashAndReset());
        }
    }
}
