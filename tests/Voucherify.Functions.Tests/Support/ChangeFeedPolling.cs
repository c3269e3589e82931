using System.Diagnostics;

namespace Voucherify.Functions.Tests.Support;

/// <summary>The change feed polls on the host's fake clock: let fake time pass until its effects show through the API.</summary>
public static class ChangeFeedPolling
{
    public static async Task<Reply> EventuallyAsync(this ServiceHost host, Func<Task<Reply>> read, Func<Reply, bool> done)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var reply = await read();
            if (done(reply))
            {
                return reply;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"The change feed did not catch up; last answer: {reply.Text}");
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }
    }
}
