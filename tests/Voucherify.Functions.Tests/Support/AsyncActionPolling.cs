using System.Net;

namespace Voucherify.Functions.Tests.Support;

public static class AsyncActionPolling
{
    /// <summary>Polls GET /v1/async-actions/{id} as a client would, until the action ends.</summary>
    public static async Task<Reply> WaitForAsync(this HttpClient client, string actionId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var reply = (await client.GetJsonAsync($"/v1/async-actions/{actionId}")).Expect(HttpStatusCode.OK);
            if (reply.Str("status") is "DONE" or "FAILED" || DateTime.UtcNow > deadline)
            {
                return reply;
            }

            await Task.Delay(50);
        }
    }
}
