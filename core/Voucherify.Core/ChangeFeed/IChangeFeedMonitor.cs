using Voucherify.Core.Storage;

namespace Voucherify.Core.ChangeFeed;

/// <summary>What delivery reports as it goes; the hosts log it. Core has no logging dependency, hence this seam.</summary>
public interface IChangeFeedMonitor
{
    void Retrying(string handler, DocumentChange change, Exception error, int attempt, TimeSpan delay);

    void Parked(string handler, DocumentChange change, Exception error, int attempts);

    /// <summary>Reading the feed or saving a checkpoint failed; the loop waits one poll interval and goes on from its last position.</summary>
    void Faulted(string handler, Exception error);
}
