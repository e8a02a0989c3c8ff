using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Gateway.Tests.Integration.Support;

/// <summary>
/// A platform service stand-in on Kestrel: answers every request with <c>X-Backend: {name}</c> and a body
/// "{method} {raw target}" so a test sees which cluster got the request and the exact path it got.
/// <c>…/wait</c> streams like Docker's wait: headers at once, then two chunks each after <see cref="StreamGap"/>.
/// <c>POST …/build</c> answers the body's length and SHA-256.
/// </summary>
public sealed class FakeBackend : IAsyncDisposable
{
    public static readonly TimeSpan StreamGap = TimeSpan.FromSeconds(3);
    public const string FirstChunk = "{\"StatusCode\":0,";
    public const string SecondChunk = "\"Error\":null}\n";

    readonly WebApplication _app;

    FakeBackend(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public string Address => _app.Services.GetRequiredService<IServer>().Features
        .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

    public static async Task<FakeBackend> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        app.Run(context => HandleAsync(name, context));
        await app.StartAsync();
        return new FakeBackend(name, app);
    }

    static async Task HandleAsync(string name, HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers["X-Backend"] = name;
        response.Headers["Api-Version"] = "1.51";
        response.Headers.Server = "Backend/" + name;

        if (request.Path.Value!.EndsWith("/wait", StringComparison.Ordinal))
        {
            response.ContentType = "application/json";
            await response.Body.FlushAsync();   // Kestrel's StartAsync alone does not send the headers
            await Task.Delay(StreamGap);
            await response.WriteAsync(FirstChunk);
            await Task.Delay(StreamGap);
            await response.WriteAsync(SecondChunk);
            return;
        }
        if (HttpMethods.IsPost(request.Method) && request.Path.Value.EndsWith("/build", StringComparison.Ordinal))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[64 * 1024];
            long length = 0;
            for (int read; (read = await request.Body.ReadAsync(buffer)) > 0; length += read) sha.AppendData(buffer, 0, read);
            await response.WriteAsync($"{length} {Convert.ToHexString(sha.GetHashAndReset())}");
            return;
        }
        response.ContentType = "text/plain";
        await response.WriteAsync($"{request.Method} {context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget}");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
