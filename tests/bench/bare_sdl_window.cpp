// The reference for the shell benchmark: the least an SDL2 + OpenGL program can do —
// open the same window, clear it, present one frame, then sleep in SDL_WaitEvent. The
// kiosk's start-up time, memory and idle CPU are reported next to this floor.
#include <cstdio>
#include <cstdlib>

#include <SDL2/SDL.h>
#include <SDL2/SDL_opengl.h>

int main(int argc, char** argv) {
    int width = argc > 2 ? std::atoi(argv[1]) : 1920;
    int height = argc > 2 ? std::atoi(argv[2]) : 1080;
    if (SDL_Init(SDL_INIT_VIDEO) != 0) return 1;
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_Window* window = SDL_CreateWindow("reference", 0, 0, width, height, SDL_WINDOW_OPENGL);
    SDL_GLContext context = SDL_GL_CreateContext(window);
    if (!window || !context) return 1;
    glClearColor(0.1f, 0.2f, 0.3f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    SDL_GL_SwapWindow(window);
    std::fprintf(stderr, "reference: first frame presented\n");
    SDL_Event event;
    while (SDL_WaitEvent(&event) && event.type != SDL_QUIT) {}
    SDL_GL_DeleteContext(context);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
