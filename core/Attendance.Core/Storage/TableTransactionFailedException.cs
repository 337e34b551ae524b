using Azure;

namespace Attendance.Storage;

/// <summary>An entity group transaction was refused; nothing in it was applied.</summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    public TableTransactionFailedException(int status, string? errorCode, int? failedActionIndex, string message)
        : base(status, message, errorCode, innerException: null)
    {
        FailedActionIndex = failedActionIndex;
    }

    /// <summary>The index of the action the service blamed, when it said.</summary>
    public int? FailedActionIndex { get; }
}
