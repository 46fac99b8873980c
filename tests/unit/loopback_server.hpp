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
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "test_helpers.hpp"

extern char** environ;

namespace curate::test {

class LoopbackServer {
 public:
  LoopbackServer() {
    // A proxy from the environment must never see the test traffic.
    setenv("no_proxy", "127.0.0.1,localhost", 1);
    setenv("NO_PROXY", "127.0.0.1,localhost", 1);
    int to_child[2], from_child[2];
    if (pipe(to_child) != 0 || pipe(from_child) != 0) throw std::runtime_error("pipe failed");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, to_child[0], 0);
    posix_spawn_file_actions_adddup2(&actions, from_child[1], 1);
    posix_spawn_file_actions_addclose(&actions, to_child[1]);
    posix_spawn_file_actions_addclose(&actions, from_child[0]);
    std::string script = repo_path("tests/http_server.py");
    char* argv[] = {const_cast<char*>("python3"), script.data(), nullptr};
    int rc = posix_spawnp(&m_pid, "python3", &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(to_child[0]);
    close(from_child[1]);
    m_stdin = to_child[1];
    if (rc != 0) throw std::runtime_error("cannot start python3");
    FILE* out = fdopen(from_child[0], "r");
    if (!out || std::fscanf(out, "%d %d", &m_port, &m_closed_port) != 2)
      throw std::runtime_error("server gave no port");
    std::fclose(out);
  }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;
  ~LoopbackServer() {
    close(m_stdin);
    kill(m_pid, SIGTERM);
    waitpid(m_pid, nullptr, 0);
  }

  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }
  std::string closed_url() const { return "http://127.0.0.1:" + std::to_string(m_closed_port) + "/"; }

  // The server's counters (GET /__stats over a plain socket).
  nlohmann::json stats() const {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(m_port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) throw std::runtime_error("connect");
    std::string request = "GET /__stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if (write(fd, request.data(), request.size()) < 0) throw std::runtime_error("write");
    std::string response;
    char buffer[4096];
    for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) response.append(buffer, static_cast<size_t>(n));
    close(fd);
    return nlohmann::json::parse(response.substr(response.find("\r\n\r\n") + 4));
  }

  int requests(const std::string& key) const { return stats()["requests"].value(key, 0); }

 private:
  pid_t m_pid = 0;
  int m_stdin = -1;
  int m_port = 0;
  int m_closed_port = 0;
};

}  // namespace curate::test
