# Thin wrapper over CMake; see README.md.
BUILD ?= build
CMAKE_FLAGS ?=

.PHONY: all configure test package install clean
all: configure
	cmake --build $(BUILD) -j$$(nproc)

configure:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

test: all
	cd $(BUILD) && ctest --output-on-failure -j$$(nproc)

# The Debian package, in $(BUILD)/ (docs/packaging.md).
package: all
	cmake --build $(BUILD) --target package

# PREFIX=/usr/local by default; DESTDIR works as usual.
PREFIX ?= /usr/local
install: all
	cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD)
