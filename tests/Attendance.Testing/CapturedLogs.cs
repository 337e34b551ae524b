using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Attendance.Testing;

/// <summary>
/// A logger provider that keeps every entry of every category and level, to assert on what reached the logs: the
/// message with its exception, the state's values as a structured sink stores them, and the values of every scope
/// open around the line (Application Insights stores those as properties).
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<Entry> entries = new();
    private IExternalScopeProvider? scopes;

    public IReadOnlyCollection<Entry> Entries => entries;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries, () => scopes);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    /// <summary>One line: <see cref="Scopes"/> holds each open scope as text and its values, outermost first.</summary>
    public sealed record Entry(string Category, LogLevel Level, int EventId, string Message, string State, string Scopes = "");

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries, Func<IExternalScopeProvider?> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => scopes()?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        // The state's values too, not only the formatted message: a structured sink stores those.
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(category, logLevel, eventId.Id, formatter(state, exception) + exception, Values(state), OpenScopes()));

        private string OpenScopes()
        {
            var text = new System.Text.StringBuilder();
            scopes()?.ForEachScope((scope, builder) => builder.Append(scope).Append(' ').Append(Values(scope)).Append(" | "), text);
            return text.ToString();
        }

        private static string Values(object? state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
    }
}
