# Thin wrapper over CMake; see README.md.
BUILD ?= build
CMAKE_FLAGS ?=

.PHONY: all configure test clean
all: configure
	cmake --build $(BUILD) -j$$(nproc)

configure:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

test: all
	cd $(BUILD) && ctest --output-on-failure -j$$(nproc)

clean:
	rm -rf $(BUILD)
