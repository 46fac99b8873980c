#pragma once
// Starts tests/http_server.py on 127.0.0.1 for one test and stops it again.
// Every request of the link tests goes to this server or to its closed port.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "test_helpers.hpp"

extern char** environ;

namespace curate::test {

// Owns a file descriptor, so a throw on the way never leaks one.
class UniqueFd {
 public:
  explicit UniqueFd(int fd = -1) : m_fd(fd) {}
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { reset(); }
  int get() const { return m_fd; }
  int release() { return std::exchange(m_fd, -1); }
  void reset(int fd = -1) {
    if (m_fd >= 0) close(m_fd);
    m_fd = fd;
  }

 private:
  int m_fd;
};

class LoopbackServer {
 public:
  LoopbackServer() {
    // A proxy from the environment must never see the test traffic.
    setenv("no_proxy", "127.0.0.1,localhost", 1);
    setenv("NO_PROXY", "127.0.0.1,localhost", 1);
    UniqueFd to_child_read, to_child_write, from_child_read, from_child_write;
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    to_child_read.reset(fds[0]);
    to_child_write.reset(fds[1]);
    if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
    from_child_read.reset(fds[0]);
    from_child_write.reset(fds[1]);
    m_pid = spawn_server(to_child_read.get(), to_child_write.get(), from_child_read.get(), from_child_write.get());
    to_child_read.reset();
    from_child_write.reset();
    m_stdin.reset(to_child_write.release());
    std::unique_ptr<FILE, int (*)(FILE*)> out(fdopen(from_child_read.get(), "r"), &std::fclose);
    if (!out) throw std::runtime_error("fdopen failed");
    from_child_read.release();  // the FILE owns it now
    if (std::fscanf(out.get(), "%d %d", &m_port, &m_closed_port) != 2) throw std::runtime_error("server gave no port");
  }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;
  ~LoopbackServer() {
    m_stdin.reset();
    if (m_pid > 0) {
      kill(m_pid, SIGTERM);
      waitpid(m_pid, nullptr, 0);
    }
  }

  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }
  std::string closed_url() const { return "http://127.0.0.1:" + std::to_string(m_closed_port) + "/"; }

  // The server's counters (GET /__stats over a plain socket).
  nlohmann::json stats() const {
    UniqueFd fd(socket(AF_INET, SOCK_STREAM, 0));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(m_port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
      throw std::runtime_error("connect");
    std::string request = "GET /__stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if (write(fd.get(), request.data(), request.size()) < 0) throw std::runtime_error("write");
    std::string response;
    char buffer[4096];
    for (ssize_t n; (n = read(fd.get(), buffer, sizeof buffer)) > 0;) response.append(buffer, static_cast<size_t>(n));
    return nlohmann::json::parse(response.substr(response.find("\r\n\r\n") + 4));
  }

  int requests(const std::string& key) const { return stats()["requests"].value(key, 0); }

 private:
  // Starts python3 tests/http_server.py with the pipes as its stdin and stdout.
  static pid_t spawn_server(int stdin_read, int stdin_write, int stdout_read, int stdout_write) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, stdin_read, 0);
    posix_spawn_file_actions_adddup2(&actions, stdout_write, 1);
    posix_spawn_file_actions_addclose(&actions, stdin_write);
    posix_spawn_file_actions_addclose(&actions, stdout_read);
    std::string script = repo_path("tests/http_server.py");
    char* argv[] = {const_cast<char*>("python3"), script.data(), nullptr};
    pid_t pid = 0;
    int rc = posix_spawnp(&pid, "python3", &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start python3");
    return pid;
  }

  pid_t m_pid = 0;
  UniqueFd m_stdin;
  int m_port = 0;
  int m_closed_port = 0;
};

}  // namespace curate::test
