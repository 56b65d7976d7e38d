#include "fatal_error_screen.h"

#include <unistd.h>

#include <SDL2/SDL.h>
#include <SDL2/SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "palette.h"
#include "theme.h"

namespace kiosk {

std::filesystem::path FindFallbackFont() {
    std::error_code ec;
    std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    std::vector<std::filesystem::path> candidates;
    if (!ec) {
        candidates.push_back(exe.parent_path() / "../../assets/fonts/DejaVuSans.ttf"); // build/bin/kiosk
        candidates.push_back(exe.parent_path() / "../share/maison-du-projet/assets/fonts/DejaVuSans.ttf");
    }
    candidates.push_back("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    for (const auto& candidate : candidates)
        if (std::filesystem::is_regular_file(candidate, ec)) return candidate.lexically_normal();
    return {};
}

bool RunFatalErrorScreen(const std::vector<std::string>& lines, const WindowOptions& window_options,
                         const std::function<bool()>& fixed) {
    std::string error;
    std::optional<Window> window = Window::Create(window_options, error);
    if (!window) return false;
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    int width = 0, height = 0;
    window->Size(width, height);
    Metrics m = ComputeMetrics((float)width, (float)height, 1.0);
    std::filesystem::path font = FindFallbackFont();
    ImFont* body = nullptr;
    ImFont* title = nullptr;
    if (!font.empty()) {
        static const ImWchar ranges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x20AC, 0x20AC, 0};
        body = io.Fonts->AddFontFromFileTTF(font.c_str(), m.Px(26), nullptr, ranges);
        title = io.Fonts->AddFontFromFileTTF(font.c_str(), m.Px(44), nullptr, ranges);
    }
    ImGui_ImplOpenGL3_Init("#version 130");
    bool recovered = false;
    bool quit = false;
    Uint64 next_check = SDL_GetTicks64() + 5000;
    while (!quit && !recovered) {
        window->Size(width, height); // follows a resolution change (the text wraps again)
        io.DisplaySize = ImVec2((float)width, (float)height);
        io.DeltaTime = 1.0f / 60.0f;
        ImGui_ImplOpenGL3_NewFrame();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::PushStyleColor(ImGuiCol_WindowBg, RgbV(palette::kBackground));
        ImGui::PushStyleColor(ImGuiCol_Text, RgbV(palette::kText));
        ImGui::Begin("##fatal", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        ImGui::SetCursorPos(ImVec2(m.margin, m.margin));
        if (title) ImGui::PushFont(title);
        ImGui::PushStyleColor(ImGuiCol_Text, RgbV(palette::kDanger));
        ImGui::TextWrapped("Le kiosque ne peut pas démarrer / The kiosk cannot start");
        ImGui::PopStyleColor();
        if (title) ImGui::PopFont();
        ImGui::Spacing();
        ImGui::TextWrapped(
            "Configuration invalide. Corrigez les erreurs ci-dessous ; le kiosque redémarre tout "
            "seul ensuite. / Invalid configuration: fix the errors below; the kiosk then "
            "restarts by itself.");
        ImGui::Spacing();
        if (body) ImGui::PushFont(body);
        for (const std::string& line : lines)
            ImGui::TextWrapped("%s", line.c_str());
        if (body) ImGui::PopFont();
        ImGui::End();
        ImGui::PopStyleColor(2);
        ImGui::Render();
        glViewport(0, 0, width, height);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        window->Swap();

        SDL_Event event;
        if (SDL_WaitEventTimeout(&event, 1000) && event.type == SDL_QUIT) quit = true;
        if (SDL_GetTicks64() >= next_check) {
            recovered = fixed();
            next_check = SDL_GetTicks64() + 5000;
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(context);
    return recovered;
}

} // namespace kiosk
