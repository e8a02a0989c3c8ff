using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Images.Distribution.Tests.Support;

/// <summary>
/// A loopback HttpListener in front of a real registry. Records every request; with <see cref="RequireToken"/> it
/// is a distribution-style token-auth registry: requests need <c>Authorization: Bearer</c> with a token from its own
/// <c>/token</c> realm (opaque tokens, scoped; anonymous callers get pull only), otherwise 401 with a Bearer challenge.
/// <see cref="CutBlob"/> makes it drop a blob download half way (to prove resume).
/// </summary>
public sealed partial class RegistryProxy : IAsyncDisposable
{
    readonly HttpListener _listener = new();
    readonly HttpClient _backend = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    readonly string _backendHost;
    readonly ConcurrentDictionary<string, HashSet<string>> _tokens = new();
    readonly Task _loop;

    public RegistryProxy(string backendHost)
    {
        _backendHost = backendHost;
        Port = Ports.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public string Host => $"127.0.0.1:{Port}";

    public bool RequireToken { get; init; }
    public (string User, string Password)? Account { get; init; }
    /// <summary>The identity (refresh) token accepted by the OAuth2 POST form of the token endpoint.</summary>
    public string? RefreshToken { get; init; }
    /// <summary>Answer with <c>access_token</c> only (OAuth style) instead of <c>token</c>.</summary>
    public bool AccessTokenOnly { get; init; }
    /// <summary>Drop <c>Range</c> headers, like a registry (or CDN) that always answers 200 with the whole blob.</summary>
    public bool IgnoreRange { get; init; }
    /// <summary>Given a blob GET (path, Range header), how many body bytes to send before dropping the connection.</summary>
    public Func<string, string?, long?>? CutBlob { get; set; }
    /// <summary>With <see cref="CutBlob"/>: instead of dropping the connection, stop sending and keep it open this long.</summary>
    public TimeSpan StallInsteadOfDrop { get; init; }

    public ConcurrentQueue<(string Method, string Path, string? Range, string? Authorization)> Requests { get; } = new();
    public ConcurrentQueue<(string Query, string? Authorization)> TokenRequests { get; } = new();

    async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                continue;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            var request = context.Request;
            var path = request.Url!.AbsolutePath;
            if (path == "/token")
            {
                await TokenAsync(context);
                return;
            }
            Requests.Enqueue((request.HttpMethod, request.Url.PathAndQuery, request.Headers["Range"], request.Headers["Authorization"]));
            if (RequireToken && !Authorized(request, out var scope))
            {
                await ChallengeAsync(context.Response, scope);
                return;
            }
            await ForwardAsync(context);
        }
        catch (Exception)
        {
            try
            {
                context.Response.Abort();
            }
            catch (Exception)
            {
            }
        }
    }

    bool Authorized(HttpListenerRequest request, out string? scope)
    {
        var match = RepositoryPath().Match(request.Url!.AbsolutePath);
        var pull = request.HttpMethod is "GET" or "HEAD";
        scope = match.Success ? $"repository:{match.Groups[1].Value}:{(pull ? "pull" : "pull,push")}" : null;
        var header = request.Headers["Authorization"];
        if (header is null || !header.StartsWith("Bearer ", StringComparison.Ordinal)) return false;
        if (!_tokens.TryGetValue(header["Bearer ".Length..], out var granted)) return false;
        if (!match.Success) return true; // /v2/ needs any valid token
        var name = match.Groups[1].Value;
        return granted.Contains($"{name}:pull") && (pull || granted.Contains($"{name}:push"));
    }

    async Task ChallengeAsync(HttpListenerResponse response, string? scope)
    {
        response.StatusCode = 401;
        var realm = $"Bearer realm=\"http://{Host}/token\"";
        response.AddHeader("WWW-Authenticate", realm + ",service=\"test-registry\"" + (scope is null ? "" : $",scope=\"{scope}\""));
        response.AddHeader("Docker-Distribution-API-Version", "registry/2.0");
        response.ContentType = "application/json";
        var body = """{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":null}]}"""u8.ToArray();
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    async Task TokenAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var authorization = request.Headers["Authorization"];
        var query = request.QueryString;
        var authenticated = false;
        if (request.HttpMethod == "POST") // OAuth2: grant_type=refresh_token with an identity token
        {
            using var reader = new StreamReader(request.InputStream);
            var form = await reader.ReadToEndAsync();
            TokenRequests.Enqueue((form, authorization));
            query = System.Web.HttpUtility.ParseQueryString(form);
            if (query["grant_type"] != "refresh_token" || query["refresh_token"] != RefreshToken)
            {
                await JsonAsync(context.Response, 401, """{"details":"invalid refresh token"}""");
                return;
            }
            authenticated = true;
        }
        else
        {
            TokenRequests.Enqueue((request.Url!.Query, authorization));
        }
        if (authorization is not null && authorization.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..]));
            if (Account is not { } account || pair != $"{account.User}:{account.Password}")
            {
                await JsonAsync(context.Response, 401, """{"details":"incorrect username or password"}""");
                return;
            }
            authenticated = true;
        }
        var granted = new HashSet<string>();
        foreach (var scope in (query.GetValues("scope") ?? []).SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            var parts = scope.Split(':');
            if (parts.Length != 3 || parts[0] != "repository") continue;
            foreach (var action in parts[2].Split(','))
                if (action == "pull" || authenticated) granted.Add($"{parts[1]}:{action}");
        }
        var token = "opaque-" + Guid.NewGuid().ToString("N");
        _tokens[token] = granted;
        var json = AccessTokenOnly
            ? JsonSerializer.Serialize(new { access_token = token, expires_in = 300 })
            : JsonSerializer.Serialize(new { token, expires_in = 300, issued_at = DateTime.UtcNow.ToString("O") });
        await JsonAsync(context.Response, 200, json);
    }

    static async Task JsonAsync(HttpListenerResponse response, int status, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    static readonly string[] ForwardedRequestHeaders = ["Accept", "Range", "Content-Type"];
    static readonly string[] ForwardedResponseHeaders =
        ["Docker-Content-Digest", "Location", "Range", "Content-Range", "Docker-Upload-UUID", "Docker-Distribution-API-Version", "ETag", "WWW-Authenticate"];

    async Task ForwardAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var outbound = new HttpRequestMessage(new HttpMethod(request.HttpMethod), $"http://{_backendHost}{request.Url!.PathAndQuery}");
        outbound.Headers.Host = Host; // the registry builds Location URLs from Host: keep clients on the proxy
        foreach (var name in ForwardedRequestHeaders.Where(n => n != "Content-Type" && request.Headers[n] is not null && !(IgnoreRange && n == "Range")))
            outbound.Headers.TryAddWithoutValidation(name, request.Headers[name]);
        if (request.HasEntityBody || request.HttpMethod is "PUT" or "POST" or "PATCH")
        {
            outbound.Content = new StreamContent(request.InputStream);
            if (request.ContentLength64 >= 0) outbound.Content.Headers.ContentLength = request.ContentLength64;
            if (request.ContentType is { } type) outbound.Content.Headers.TryAddWithoutValidation("Content-Type", type);
        }
        using var inbound = await _backend.SendAsync(outbound, HttpCompletionOption.ResponseHeadersRead);
        var response = context.Response;
        response.StatusCode = (int)inbound.StatusCode;
        foreach (var name in ForwardedResponseHeaders)
            if (inbound.Headers.TryGetValues(name, out var values) || inbound.Content.Headers.TryGetValues(name, out values))
                response.AddHeader(name, string.Join(",", values));
        if (inbound.Content.Headers.ContentType is { } contentType) response.ContentType = contentType.ToString();
        var length = inbound.Content.Headers.ContentLength;
        if (length is { } l) response.ContentLength64 = l;
        if (request.HttpMethod == "HEAD")
        {
            response.Close();
            return;
        }
        var cut = request.HttpMethod == "GET" && request.Url.AbsolutePath.Contains("/blobs/sha256:")
            ? CutBlob?.Invoke(request.Url.AbsolutePath, request.Headers["Range"])
            : null;
        await using var body = await inbound.Content.ReadAsStreamAsync();
        if (cut is { } limit)
        {
            var buffer = new byte[limit];
            await body.ReadExactlyAsync(buffer);
            await response.OutputStream.WriteAsync(buffer);
            await response.OutputStream.FlushAsync();
            await Task.Delay(StallInsteadOfDrop > TimeSpan.Zero ? StallInsteadOfDrop : TimeSpan.FromMilliseconds(50));
            response.Abort(); // the connection drops mid-body
            return;
        }
        await body.CopyToAsync(response.OutputStream);
        response.Close();
    }

    [GeneratedRegex("^/v2/(.+?)/(manifests|blobs|tags)/")]
    private static partial Regex RepositoryPath();

    public async ValueTask DisposeAsync()
    {
        // Close alone: after Stop, the managed listener's Close unregisters its prefix again, binding the port anew to do
        // so, which fails when a test running beside this one has taken the freed port in between.
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
        }
        _backend.Dispose();
    }
}
