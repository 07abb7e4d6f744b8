using GraphQL;
using Microsoft.IO;

namespace ScholarGraph.GraphQL.AspNetCore.Http;

/// <summary>
/// Writes a GraphQL response serialized whole before its first byte goes out, so that it carries a <c>Content-Length</c> and
/// leaves in one write. Streamed straight into the response, the serializer's final flush sends the body as a chunk and Kestrel
/// then sends the closing chunk on its own: two sends, and two reads for the client, for every response.
/// </summary>
internal static class BufferedResponse
{
    // Pooled blocks of 16 KB (most responses fit one); what the pools keep idle is bounded so a burst of large answers is not
    // held for ever.
    private static readonly RecyclableMemoryStreamManager Buffers = new(new RecyclableMemoryStreamManager.Options
    {
        BlockSize = 16 * 1024,
        MaximumSmallPoolFreeBytes = 16 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 64 * 1024 * 1024,
    });

    /// <summary>Serializes <paramref name="result"/> with <paramref name="serializer"/> and writes it as the body of <paramref name="response"/>.</summary>
    public static async Task WriteAsync(HttpResponse response, IGraphQLSerializer serializer, ExecutionResult result, CancellationToken cancellationToken)
    {
        // A fixed id: the manager would draw a new Guid (a call for random bytes) for each response, and reads it only in its events.
        using var buffer = Buffers.GetStream(Guid.Empty, nameof(BufferedResponse));
        await serializer.WriteAsync(buffer, result, cancellationToken).ConfigureAwait(false);
        response.ContentLength = buffer.Length;
        foreach (var segment in buffer.GetReadOnlySequence())
            await response.Body.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
    }
}
