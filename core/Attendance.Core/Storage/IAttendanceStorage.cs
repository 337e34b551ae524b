namespace Attendance.Storage;

/// <summary>The storage account the product uses, as configured by the <c>AttendanceStorage</c> settings.</summary>
public interface IAttendanceStorage
{
    /// <summary>A client for one table (not created until <see cref="ITableClient.CreateIfNotExistsAsync"/>).</summary>
    ITableClient GetTable(string tableName);

    /// <summary>A client for one blob container (not created until <see cref="IBlobContainerClient.CreateIfNotExistsAsync"/>).</summary>
    IBlobContainerClient GetContainer(string containerName);

    /// <summary>Makes one cheap request to each service; throws <see cref="Azure.RequestFailedException"/> when one does not answer.</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}
