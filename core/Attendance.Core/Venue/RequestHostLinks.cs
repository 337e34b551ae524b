namespace Attendance.Venue;

/// <summary>
/// Registered only by the local server (<see cref="Api.LocalServer"/>): there, with no <c>Forms:PublicBaseUrl</c>, a
/// sign-in link may start with the scheme and host of the organizer's own request, which on a developer's machine
/// is the machine's address as the organizer typed it. In Azure the Host header is whatever a client sends, so no
/// host there registers this.
/// </summary>
public sealed class RequestHostLinks;
