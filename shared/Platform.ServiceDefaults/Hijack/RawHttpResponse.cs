using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Platform.ServiceDefaults.DockerApi;

namespace Platform.ServiceDefaults.Hijack;

/// <summary>
/// Response heads written byte for byte on a hijacked connection (docker-api.md §1.3, §6.1): one space after
/// each colon, CRLF line ends, and no Content-Length or Transfer-Encoding on hijack heads.
/// </summary>
public static class RawHttpResponse
{
    public const string RawStream = "application/vnd.docker.raw-stream";
    public const string MultiplexedStream = "application/vnd.docker.multiplexed-stream";

    /// <summary>The headers every Docker response carries (Api-Version, Docker-Experimental, Ostype, Server).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> DockerHeaders { get; } =
    [
        new("Api-Version", DockerApiVersion.MaxText),
        new("Docker-Experimental", "false"),
        new("Ostype", "linux"),
        new("Server", DockerApiVersion.ServerHeader),
    ];

    /// <summary>
    /// The head for a hijack as the client asked for it: <c>101 UPGRADED</c> with <c>Upgrade: tcp</c> when the
    /// request carried an Upgrade header (docker CLI, Docker.DotNet.Enhanced), otherwise
    /// <c>200 OK</c> with the raw-stream content type (Docker.DotNet 3.125). Flushed.
    /// </summary>
    public static ValueTask<FlushResult> WriteHijackHeadAsync(PipeWriter output, RawRequestHead request,
        string upgradedContentType, IEnumerable<KeyValuePair<string, string>>? headers = null,
        CancellationToken cancellationToken = default) =>
        request.WantsUpgrade
            ? WriteUpgradedAsync(output, upgradedContentType, headers, cancellationToken)
            : WriteRawStreamAsync(output, headers, cancellationToken);

    /// <summary><c>HTTP/1.1 101 UPGRADED</c>, Content-Type, <c>Connection: Upgrade</c>, <c>Upgrade: tcp</c>. Flushed.</summary>
    public static ValueTask<FlushResult> WriteUpgradedAsync(PipeWriter output, string contentType,
        IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default)
    {
        WriteHead(output, 101, "UPGRADED",
        [
            new("Content-Type", contentType), new("Connection", "Upgrade"), new("Upgrade", "tcp"), .. headers ?? [],
        ]);
        return output.FlushAsync(cancellationToken);
    }

    /// <summary><c>HTTP/1.1 200 OK</c> with <c>Content-Type: application/vnd.docker.raw-stream</c>, unframed. Flushed.</summary>
    public static ValueTask<FlushResult> WriteRawStreamAsync(PipeWriter output,
        IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default)
    {
        WriteHead(output, 200, "OK", [new("Content-Type", RawStream), .. headers ?? []]);
        return output.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// A Docker error before any stream started: <c>{"message":…}</c>, <c>Content-Type: application/json</c>,
    /// Content-Length and <c>Connection: close</c> (close the connection afterwards). Flushed.
    /// </summary>
    public static ValueTask<FlushResult> WriteJsonErrorAsync(PipeWriter output, int status, string message,
        IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default)
    {
        var body = DockerErrors.Serialize(message);
        WriteHead(output, status, ReasonPhrases.GetReasonPhrase(status),
        [
            new("Content-Type", DockerErrors.JsonContentType),
            new("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture)),
            new("Connection", "close"),
            .. headers ?? [],
        ]);
        output.Write(body);
        return output.FlushAsync(cancellationToken);
    }

    /// <summary>Writes <c>HTTP/1.1 {status} {reason}</c>, one <c>Name: value</c> line per header and the blank line.</summary>
    public static void WriteHead(IBufferWriter<byte> output, int status, string reason,
        IEnumerable<KeyValuePair<string, string>> headers)
    {
        if (status is < 100 or > 999) throw new ArgumentOutOfRangeException(nameof(status));
        var text = new StringBuilder(256);
        text.Append("HTTP/1.1 ").Append(status.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(Checked(reason, nameof(reason))).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            if (name.Length == 0 || name.Any(c => c <= ' ' || c >= '\x7f' || c == ':'))
                throw new ArgumentException($"invalid header name '{name}'", nameof(headers));
            text.Append(name).Append(": ").Append(Checked(value, nameof(headers))).Append("\r\n");
        }
        text.Append("\r\n");
        Encoding.Latin1.GetBytes(text.ToString(), output);
    }

    static string Checked(string value, string parameter) =>
        value.Any(c => c is '\r' or '\n' || c > '\xff')
            ? throw new ArgumentException($"invalid header value '{value}'", parameter)
            : value;
}
