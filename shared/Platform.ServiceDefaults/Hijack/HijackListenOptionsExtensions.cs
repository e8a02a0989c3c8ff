using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Platform.ServiceDefaults.Hijack;

public static class HijackListenOptionsExtensions
{
    /// <summary>
    /// Hands connections whose first request matches <paramref name="predicate"/> to <paramref name="handler"/>;
    /// all others go on to Kestrel's HTTP pipeline untouched. With TLS, call after <c>UseHttps</c> so the
    /// middleware sees plaintext. Use on HTTP/1.x listeners (the head parser speaks HTTP/1.x only; anything
    /// else, such as an HTTP/2 preface, is passed through).
    /// </summary>
    public static ListenOptions UseHijack(this ListenOptions listen, HijackPredicate predicate, HijackHandler handler,
        HijackOptions? options = null)
    {
        var loggerFactory = listen.ApplicationServices.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var logger = loggerFactory.CreateLogger<HijackConnectionMiddleware>();
        listen.Use(next => new HijackConnectionMiddleware(next, predicate, handler, options ?? new(), logger).OnConnectionAsync);
        return listen;
    }
}
